(function(){
  var search=document.getElementById('search'),boxes=document.querySelectorAll('input[name=severity]');
  var cards=document.querySelectorAll('article.card'),shown=document.getElementById('shown');
  function apply(){
    var q=search.value.trim().toLowerCase(),on={},n=0;
    boxes.forEach(function(b){on[b.value]=b.checked;});
    cards.forEach(function(c){
      var ok=on[c.dataset.severity]&&(!q||c.dataset.search.indexOf(q)>=0);
      c.hidden=!ok;if(ok)n++;
    });
    shown.textContent=n+' of '+cards.length+' articles shown';
  }
  var params=new URLSearchParams(location.hash.slice(1));
  if(params.has('q'))search.value=params.get('q');
  if(params.has('severity')){var keep=params.get('severity').split(',');
    boxes.forEach(function(b){b.checked=keep.indexOf(b.value)>=0;});}
  search.addEventListener('input',apply);boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
